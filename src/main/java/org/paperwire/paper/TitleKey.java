package org.paperwire.paper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A title reduced to what survives every way of writing it down: arXiv's raw TeX ({@code Schr\"odinger},
 * {@code $\alpha$-Divergence}, line breaks), a BibTeX export ({@code {S}chr{\"o}dinger}, {@code \emph{...}}) and
 * a CSL-JSON export (Unicode {@code Schrödinger}, {@code α-divergence}) all give the same key. Only lower-case
 * letters and digits remain: accents, braces, formatting commands, punctuation and whitespace go, Greek letters and
 * TeX symbol commands become their names ({@code alpha}).
 *
 * <p>The store keeps {@link #hash()} of every paper's title key in an index (migration V11), so changing this
 * normalization needs a migration that recomputes them.
 *
 * @param text the normalized title, empty when the title has no letter or digit
 */
public record TitleKey(String text) {
    private static final Pattern ACCENT = Pattern.compile("\\\\(?:['`^\"~=.]|[uvHcdbrkt](?![a-zA-Z]))");
    private static final Pattern LETTER = Pattern.compile("\\\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![a-zA-Z])");
    private static final Pattern COMMAND = Pattern.compile("\\\\([a-zA-Z]+)");
    /** Commands that format their argument or stand for punctuation: the argument stays, the command's name goes. */
    private static final Set<String> FORMATTING = Set.of("emph", "textbf", "textit", "texttt", "textrm", "textsc",
            "textsf", "textup", "textsl", "textnormal", "text", "mathrm", "mathbf", "mathit", "mathcal", "mathbb",
            "mathsf", "mathtt", "mathfrak", "mathscr", "mathnormal", "boldsymbol", "bm", "mbox", "hbox",
            "operatorname", "it", "bf", "rm", "em", "sc", "tt", "sf", "sl", "url", "left", "right", "big", "Big",
            "bigg", "Bigg", "noopsort", "protect", "ensuremath", "xspace", "textbraceleft", "textbraceright", "textendash",
            "textemdash", "ldots", "dots", "textquoteleft", "textquoteright", "textquotedblleft", "textquotedblright");
    private static final Map<Character, String> SPECIAL_LETTERS = Map.ofEntries(
            Map.entry('ø', "o"), Map.entry('Ø', "o"), Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "ae"),
            Map.entry('œ', "oe"), Map.entry('Œ', "oe"), Map.entry('ł', "l"), Map.entry('Ł', "l"), Map.entry('đ', "d"),
            Map.entry('Đ', "d"), Map.entry('ı', "i"), Map.entry('þ', "th"), Map.entry('ð', "d"));
    private static final String[] GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
        "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma", "tau", "upsilon", "phi",
        "chi", "psi", "omega"};

    /** The key of {@code title}; a null title gives the empty key. */
    public static TitleKey of(String title) {
        if (title == null) {
            return new TitleKey("");
        }
        String s = ACCENT.matcher(title).replaceAll("");
        s = LETTER.matcher(s).replaceAll("$1");
        s = commandNames(s);
        StringBuilder mapped = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            mapped.append(letter(s.charAt(i)));
        }
        String plain = Normalizer.normalize(mapped, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(plain.length());
        plain.codePoints().filter(Character::isLetterOrDigit).filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(key::appendCodePoint);
        return new TitleKey(key.toString());
    }

    /** Formatting commands dropped, other commands ({@code \alpha}, {@code \LaTeX}) reduced to their names. */
    private static String commandNames(String s) {
        Matcher m = COMMAND.matcher(s);
        return m.replaceAll(r -> FORMATTING.contains(r.group(1)) ? " " : " " + Matcher.quoteReplacement(r.group(1)) + " ");
    }

    private static String letter(char c) {
        String special = SPECIAL_LETTERS.get(c);
        if (special != null) {
            return special;
        }
        char lower = Character.toLowerCase(c);
        if (lower >= 'α' && lower <= 'ω') {
            return GREEK[lower - 'α'];
        }
        return String.valueOf(c);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The first 8 bytes of the SHA-256 of the key: what the store indexes (compact; collisions are re-checked). */
    public long hash() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
