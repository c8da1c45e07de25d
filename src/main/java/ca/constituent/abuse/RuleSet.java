package ca.constituent.abuse;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** An immutable snapshot of the lists, arranged for quick checks. */
record RuleSet(List<AbuseRule> rules, Lists block, Lists allow) {

    record Lists(List<Cidr> cidrs, Set<String> domains, Set<String> addresses) {

        static Lists of(List<AbuseRule> rules, String list) {
            List<AbuseRule> mine = rules.stream().filter(r -> r.list().equals(list)).toList();
            return new Lists(
                    mine.stream().filter(r -> r.kind().equals(AbuseRule.CIDR))
                            .map(r -> Cidr.parse(r.value()).orElseThrow()).toList(),
                    values(mine, AbuseRule.DOMAIN),
                    values(mine, AbuseRule.ADDRESS));
        }

        private static Set<String> values(List<AbuseRule> rules, String kind) {
            return rules.stream().filter(r -> r.kind().equals(kind)).map(AbuseRule::value)
                    .collect(Collectors.toUnmodifiableSet());
        }

        boolean matches(String ip, String email) {
            if (ip != null && !cidrs.isEmpty() && cidrs.stream().anyMatch(c -> c.contains(ip))) {
                return true;
            }
            if (email == null) {
                return false;
            }
            String address = email.toLowerCase(Locale.ROOT);
            if (addresses.contains(address)) {
                return true;
            }
            String domain = address.substring(address.lastIndexOf('@') + 1);
            while (true) {
                if (domains.contains(domain)) {
                    return true;
                }
                int dot = domain.indexOf('.');
                if (dot < 0) {
                    return false;
                }
                domain = domain.substring(dot + 1);
            }
        }
    }

    RuleSet(List<AbuseRule> rules) {
        this(List.copyOf(rules), Lists.of(rules, AbuseRule.BLOCK), Lists.of(rules, AbuseRule.ALLOW));
    }

    AbuseLists.Verdict check(String ip, String email) {
        if (block.matches(ip, email)) {
            return AbuseLists.Verdict.BLOCKED;
        }
        return allow.matches(ip, email) ? AbuseLists.Verdict.ALLOWED : AbuseLists.Verdict.NEUTRAL;
    }
}
