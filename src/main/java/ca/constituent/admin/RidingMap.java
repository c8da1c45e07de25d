package ca.constituent.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * The riding boundaries for the dashboard's map: the shipped dataset's polygons simplified further (Douglas-Peucker,
 * {@value #TOLERANCE}°, about 200 m) with coordinates rounded to 4 decimals and
 * latitudes cut at {@value #MAX_LATITUDE}°N, keeping only {@code fed}; gzipped once.
 */
final class RidingMap {

    static final double TOLERANCE = 0.002;
    /** Nunavut's boundary runs to the pole, which Web Mercator cannot show; land ends near 83.1°N. */
    static final double MAX_LATITUDE = 84;
    private static final String DATASET = "data/ridings/";
    private static final GeometryFactory LINES = new GeometryFactory();

    /** The gzipped GeoJSON, its size before gzip, and an ETag. */
    record Boundaries(byte[] gzipped, int plainBytes, int features, String etag) {
    }

    private RidingMap() {
    }

    static Boundaries build() {
        try (InputStream in = open()) {
            JsonNode root = new ObjectMapper().readTree(new GZIPInputStream(in, 1 << 16));
            StringBuilder out = new StringBuilder(1 << 20).append("{\"type\":\"FeatureCollection\",\"features\":[");
            int features = 0;
            for (JsonNode feature : root.path("features")) {
                out.append(features++ == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"fed\":\"")
                        .append(feature.path("properties").path("fed_num").asText()).append("\"},\"geometry\":");
                geometry(feature.path("geometry"), out);
                out.append('}');
            }
            byte[] plain = out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream zip = new GZIPOutputStream(gz)) {
                zip.write(plain);
            }
            byte[] gzipped = gz.toByteArray();
            return new Boundaries(gzipped, plain.length, features, "\"" + sha256(gzipped).substring(0, 16) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException("riding boundaries unreadable", e);
        }
    }

    private static InputStream open() throws IOException {
        Properties dataset = new Properties();
        ClassLoader loader = RidingMap.class.getClassLoader();
        try (InputStream p = loader.getResourceAsStream(DATASET + "dataset.properties")) {
            dataset.load(p);
        }
        return loader.getResourceAsStream(DATASET + dataset.getProperty("boundaries"));
    }

    /** Writes a MultiPolygon of the simplified rings; rings that collapse are dropped, the first ring never. */
    private static void geometry(JsonNode geometry, StringBuilder out) {
        JsonNode polygons = "Polygon".equals(geometry.path("type").asText())
                ? new ObjectMapper().createArrayNode().add(geometry.path("coordinates"))
                : geometry.path("coordinates");
        out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        boolean firstPolygon = true;
        for (JsonNode polygon : polygons) {
            Coordinate[] shell = simplified(polygon.get(0));
            if (shell.length < 4 && !firstPolygon) {
                continue;
            }
            out.append(firstPolygon ? "[" : ",[");
            ring(shell.length < 4 ? rounded(polygon.get(0)) : shell, out);
            for (int i = 1; i < polygon.size(); i++) {
                Coordinate[] hole = simplified(polygon.get(i));
                if (hole.length >= 4) {
                    ring(hole, out.append(','));
                }
            }
            out.append(']');
            firstPolygon = false;
        }
        out.append("]}");
    }

    private static Coordinate[] simplified(JsonNode positions) {
        return DouglasPeuckerSimplifier.simplify(LINES.createLineString(rounded(positions)), TOLERANCE)
                .getCoordinates();
    }

    private static Coordinate[] rounded(JsonNode positions) {
        Coordinate[] c = new Coordinate[positions.size()];
        for (int i = 0; i < c.length; i++) {
            double lat = Math.min(MAX_LATITUDE, positions.get(i).get(1).asDouble());
            c[i] = new Coordinate(round(positions.get(i).get(0).asDouble()), round(lat));
        }
        return c;
    }

    private static void ring(Coordinate[] ring, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < ring.length; i++) {
            out.append(i == 0 ? "[" : ",[").append(ring[i].x).append(',').append(ring[i].y).append(']');
        }
        out.append(']');
    }

    private static double round(double degrees) {
        return Math.round(degrees * 10_000) / 10_000.0;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
