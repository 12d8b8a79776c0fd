/**
 * Network values with no feature of their own, so that the packages reading them depend downward on one type:
 * {@code Cidr} ({@code config} for {@code web.trusted-proxies}, {@code web} for the client address),
 * {@code Mailbox} (the one address parser: {@code config} for {@code mail.from}, {@code subscription} for
 * subscribers) and {@code KeyFiles} (DKIM keys and TLS trust stores, checked by {@code config} at start-up and
 * used by {@code mail}).
 */
package org.paperwire.net;
