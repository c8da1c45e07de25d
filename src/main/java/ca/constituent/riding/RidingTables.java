package ca.constituent.riding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the riding tables that the in-memory snapshot is built from, in the caller's transaction. */
final class RidingTables {

    private RidingTables() {
    }

    /** The loaded version of each kind of data ({@code ridings}, {@code postal-codes}). */
    static Map<String, String> versions(Connection c) throws SQLException {
        Map<String, String> versions = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT kind, version FROM riding_dataset");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                versions.put(rs.getString(1), rs.getString(2));
            }
        }
        return versions;
    }

    static List<RidingSnapshot.FsaShare> fsaShares(Connection c) throws SQLException {
        List<RidingSnapshot.FsaShare> shares = new ArrayList<>(4096);
        try (PreparedStatement select = c.prepareStatement(
                "SELECT fsa, fed_code, share FROM fsa_riding ORDER BY fsa, share DESC, fed_code");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                shares.add(new RidingSnapshot.FsaShare(rs.getString(1), rs.getString(2), rs.getDouble(3)));
            }
        }
        return shares;
    }

    static PostalCodeTable postalCodes(Connection c) throws SQLException {
        PostalCodeTable.Builder table = new PostalCodeTable.Builder();
        // Inside the caller's transaction, so the driver streams rows in batches of the fetch size.
        try (PreparedStatement select = c.prepareStatement("""
                SELECT postal_code, fed_code, share FROM postal_code_riding
                ORDER BY postal_code, share DESC NULLS LAST, fed_code
                """)) {
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    double value = rs.getDouble(3);
                    Double share = rs.wasNull() ? null : value;
                    table.add(rs.getString(1), rs.getString(2), share);
                }
            }
        }
        return table.build();
    }
}
