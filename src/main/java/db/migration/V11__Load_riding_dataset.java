package db.migration;

import ca.constituent.riding.RidingDataset;
import ca.constituent.riding.RidingDatasetWriter;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the shipped riding dataset, so every riding exists before any signature can name one. Newer datasets are
 * loaded at run time by {@code RidingDatasets}, not by new migrations.
 */
public class V11__Load_riding_dataset extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        RidingDatasetWriter.load(context.getConnection(), RidingDataset.bundled(), false);
    }
}
