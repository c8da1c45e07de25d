package ca.constituent.riding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The sitting MP of a riding. A riding without one has a vacant seat. */
@Entity
@Table(name = "member_of_parliament")
public class MemberOfParliament extends PanacheEntityBase {

    @Id
    @Column(name = "fed_code")
    public String fedCode;

    public String name;

    public String party;

    /** Null when no source had it; never guessed. */
    public String email;

    @Column(name = "photo_url")
    public String photoUrl;

    /** Which record the row comes from (e.g. the Represent extract or a by-election result). */
    public String source;

    /** True when only one source reported a change (such as a party switch) and it should be checked. */
    @Column(name = "needs_verification")
    public boolean needsVerification;

    public String note;
}
