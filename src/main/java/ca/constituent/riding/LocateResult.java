package ca.constituent.riding;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The riding at a point. {@code nearest} is true when the point lies in no riding (just offshore, or in a gap of the
 * simplified boundaries) and the closest riding within a few kilometres was taken; {@code distanceMetres} is then
 * the distance to it, and 0 otherwise.
 */
public record LocateResult(double lat, double lon,
                           @Schema(description = "True when the point is in no riding and the nearest one within "
                                   + "a few km was taken") boolean nearest,
                           int distanceMetres, RidingView riding) {
}
