package ca.constituent.riding;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sitting member of Parliament for a riding. {@code email} and {@code photoUrl} are null when no source had them. */
@Schema(description = "The sitting MP. Null wherever a riding's seat is vacant.")
public record Mp(String name, String party, String email, String photoUrl) {

    static Mp from(MemberOfParliament mp) {
        return mp == null ? null : new Mp(mp.name, mp.party, mp.email, mp.photoUrl);
    }
}
