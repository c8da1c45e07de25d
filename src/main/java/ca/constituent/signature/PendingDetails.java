package ca.constituent.signature;

/**
 * What the confirmation page shows as being confirmed, besides the editable fields: the postal code's first three
 * characters (the rest stays off the screen) and the riding's name, or null while the riding is not known.
 */
public record PendingDetails(String postalPrefix, String riding) {
}
