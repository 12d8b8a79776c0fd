package db.migration.postgresql;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.paperwire.paper.TitleHashColumn;

/** Issue 10: an indexed hash of each paper's normalized title, for matching imported libraries (see {@link TitleHashColumn}). */
public final class V11__Paper_title_hashes extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        TitleHashColumn.migrate(context.getConnection());
    }
}
