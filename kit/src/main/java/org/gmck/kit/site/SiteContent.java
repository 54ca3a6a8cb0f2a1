package org.gmck.kit.site;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gmck.kit.catalogue.Interpretations;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.spi.common.Profile;

/**
 * Everything the site is made from.
 *
 * @param kitVersion       the kit's version
 * @param catalogue        the rules
 * @param interpretations  the readings the kit takes where a source is unclear
 * @param features         the features
 * @param implementations  the certified implementations, in the order their reports were given
 */
public record SiteContent(
        String kitVersion,
        RuleCatalogue catalogue,
        Interpretations interpretations,
        FeatureBook features,
        List<Certified> implementations) {

    public SiteContent {
        implementations = List.copyOf(implementations);
    }

    /** The rules of each profile that has any, in catalogue order. */
    public Map<Profile, List<Rule>> rulesByProfile() {
        Map<Profile, List<Rule>> map = new EnumMap<>(Profile.class);
        catalogue
                .rules()
                .forEach(r ->
                        map.computeIfAbsent(r.profile(), p -> new ArrayList<>()).add(r));
        return map;
    }
}
