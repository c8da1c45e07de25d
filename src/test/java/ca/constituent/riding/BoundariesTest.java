package ca.constituent.riding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The compact boundaries (packed coordinates, ray crossings) answer as JTS' prepared geometries (an index of every
 * segment, which the service used before) do on polygons read independently from the same shipped file: the same
 * riding for every point inside one, nothing outside all.
 */
class BoundariesTest {

    private static final String SHIPPED = "/data/ridings/fed_2023_boundaries_simplified.geojson.gz";
    private static final GeometryFactory JTS = new GeometryFactory();
    private static Boundaries boundaries;
    private static final Map<String, PreparedGeometry> ORACLE = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = BoundariesTest.class.getResourceAsStream(SHIPPED)) {
            boundaries = Boundaries.readGeoJson(in, true);
        }
        try (InputStream in = new GZIPInputStream(BoundariesTest.class.getResourceAsStream(SHIPPED))) {
            for (JsonNode feature : new ObjectMapper().readTree(in).get("features")) {
                ORACLE.put(feature.get("properties").get("fed_num").asText(),
                        PreparedGeometryFactory.prepare(geometry(feature.get("geometry"))));
            }
        }
    }

    @Test
    void everyRidingIsRead() {
        assertEquals(343, boundaries.size());
        assertEquals(343, ORACLE.size());
    }

    @Test
    void pointsAnswerAsJtsCovers() {
        Random random = new Random(20261123);
        int inside = 0;
        for (int i = 0; i < 20_000; i++) {
            // Southern Canada, where most ridings are small, and the whole country's box
            double lat = i % 2 == 0 ? 42 + random.nextDouble() * 8 : 41 + random.nextDouble() * 43;
            double lon = i % 2 == 0 ? -124 + random.nextDouble() * 72 : -141 + random.nextDouble() * 89;
            String expected = oracle(lat, lon);
            Optional<Boundaries.Hit> hit = boundaries.locate(lat, lon, 0);
            if (expected == null) {
                assertTrue(hit.isEmpty() || hit.get().nearest(), "outside every riding: " + lat + "," + lon);
            } else {
                inside++;
                assertEquals(expected, hit.map(Boundaries.Hit::fedCode).orElse(null), lat + "," + lon);
                assertEquals(0, hit.get().metres());
            }
        }
        assertTrue(inside > 5_000, "points inside a riding: " + inside);
    }

    @Test
    void aVertexIsOnItsRiding() {
        Coordinate vertex = ORACLE.values().iterator().next().getGeometry().getCoordinates()[0];
        Optional<Boundaries.Hit> hit = boundaries.locate(vertex.y, vertex.x, 0);
        assertTrue(hit.isPresent(), "a boundary point is covered");
        assertTrue(ORACLE.get(hit.get().fedCode()).covers(JTS.createPoint(vertex)));
    }

    private static String oracle(double lat, double lon) {
        var point = JTS.createPoint(new Coordinate(lon, lat));
        for (Map.Entry<String, PreparedGeometry> riding : ORACLE.entrySet()) {
            if (riding.getValue().covers(point)) {
                return riding.getKey();
            }
        }
        return null;
    }

    private static Geometry geometry(JsonNode geometry) {
        List<Polygon> polygons = new ArrayList<>();
        if ("Polygon".equals(geometry.get("type").asText())) {
            polygons.add(polygon(geometry.get("coordinates")));
        } else {
            geometry.get("coordinates").forEach(p -> polygons.add(polygon(p)));
        }
        return JTS.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing[] all = new LinearRing[rings.size()];
        for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            Coordinate[] coordinates = new Coordinate[ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                coordinates[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
            }
            all[r] = JTS.createLinearRing(coordinates);
        }
        LinearRing[] holes = new LinearRing[all.length - 1];
        System.arraycopy(all, 1, holes, 0, holes.length);
        return JTS.createPolygon(all[0], holes);
    }
}
