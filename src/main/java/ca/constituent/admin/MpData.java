package ca.constituent.admin;

import ca.constituent.riding.Mp;
import ca.constituent.riding.MpChanges;
import ca.constituent.riding.MpDiff;
import ca.constituent.riding.PostalCodeChanges;
import ca.constituent.riding.PostalCodeDiff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The organisers' MP changes and postal-code tables with their audit lines, each in one transaction with the change
 * it records.
 */
@ApplicationScoped
class MpData {

    /** An organiser's edit of one riding's seat: {@code vacant}, or the MP's name, party and address. */
    record Edit(Boolean vacant, String name, String party, String email, String photoUrl) {
    }

    private final MpChanges changes;
    private final PostalCodeChanges postalCodes;
    private final AdminAudit audit;

    MpData(MpChanges changes, PostalCodeChanges postalCodes, AdminAudit audit) {
        this.changes = changes;
        this.postalCodes = postalCodes;
        this.audit = audit;
    }

    @Transactional
    PostalCodeChanges.Staged stagePostalCodes(String fileName, Path file, SignedIn who, String ipHash) {
        PostalCodeChanges.Staged staged = postalCodes.stage(cleanName(fileName), file, who.userId());
        audit.record(AdminAudit.Entry.by(who, "postal-code-upload", "riding_upload:" + staged.id(),
                staged.diff().rows(), ipHash));
        return staged;
    }

    @Transactional
    PostalCodeDiff applyPostalCodes(UUID id, SignedIn who, String ipHash) {
        PostalCodeDiff diff = postalCodes.apply(id);
        audit.record(AdminAudit.Entry.by(who, "postal-code-upload-apply", "riding_upload:" + id, diff.rows(),
                ipHash));
        return diff;
    }

    @Transactional
    MpChanges.Staged stage(String fileName, byte[] csv, SignedIn who, String ipHash) {
        MpChanges.Staged staged = changes.stage(cleanName(fileName), csv, who.userId());
        audit.record(AdminAudit.Entry.by(who, "mp-upload", "riding_upload:" + staged.id(),
                staged.diff().changes().size(), ipHash));
        return staged;
    }

    @Transactional
    MpDiff apply(UUID id, SignedIn who, String ipHash) {
        MpDiff diff = changes.apply(id);
        audit.record(AdminAudit.Entry.by(who, "mp-upload-apply", "riding_upload:" + id, diff.changes().size(),
                ipHash));
        return diff;
    }

    @Transactional
    MpDiff.Change edit(String fedCode, Mp after, SignedIn who, String ipHash) {
        MpDiff.Change change = changes.edit(fedCode, after);
        audit.record(AdminAudit.Entry.by(who, "mp-edit", "riding:" + fedCode, change == null ? 0 : 1, ipHash));
        return change;
    }

    /** A file name fit to store and show: its last path segment, printable, at most 200 characters. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "");
        name = name.strip();
        return name.isEmpty() ? "upload.csv" : name.substring(0, Math.min(200, name.length()));
    }
}
