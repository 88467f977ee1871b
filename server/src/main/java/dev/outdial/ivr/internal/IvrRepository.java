package dev.outdial.ivr.internal;

import dev.outdial.engine.ivr.IvrNode;
import dev.outdial.ivr.Ivr;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code ivr} table; the nodes are JSON text (see V91). */
@Repository
public class IvrRepository {

    private static final String SELECT = "select id, name, root, nodes from ivr";
    private static final TypeReference<List<IvrNode>> NODES = new TypeReference<>() {
    };

    private final JdbcClient db;
    private final JsonMapper json;

    IvrRepository(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public long insert(long businessId, String name, String root, List<IvrNode> nodes, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into ivr (business_id, name, root, nodes, created_at)
                values (:business, :name, :root, :nodes, :created)
                """)
                .param("business", businessId).param("name", name).param("root", root)
                .param("nodes", json.writeValueAsString(nodes)).param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void update(long businessId, long id, String name, String root, List<IvrNode> nodes) {
        db.sql("update ivr set name = :name, root = :root, nodes = :nodes where business_id = :business and id = :id")
                .param("name", name).param("root", root).param("nodes", json.writeValueAsString(nodes))
                .param("business", businessId).param("id", id).update();
    }

    public Optional<Ivr> find(long businessId, long id) {
        return db.sql(SELECT + " where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).query(this::ivr).optional();
    }

    public List<Ivr> list(long businessId) {
        return db.sql(SELECT + " where business_id = :business order by lower(name), id")
                .param("business", businessId).query(this::ivr).list();
    }

    public boolean nameTaken(long businessId, String name, Long exceptId) {
        return db.sql("""
                select count(*) from ivr
                where business_id = :business and lower(name) = lower(:name) and (cast(:except as bigint) is null or id <> :except)
                """)
                .param("business", businessId).param("name", name).param("except", exceptId)
                .query(Long.class).single() > 0;
    }

    /** Whether a node of one of the business's IVRs plays the file. */
    public boolean playsAudio(long businessId, long audioId) {
        return list(businessId).stream().flatMap(ivr -> ivr.nodes().stream())
                .anyMatch(node -> node.audioId() != null && node.audioId() == audioId);
    }

    public void delete(long businessId, long id) {
        db.sql("delete from ivr where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    private Ivr ivr(ResultSet row, int n) throws SQLException {
        return new Ivr(row.getLong("id"), row.getString("name"), row.getString("root"),
                List.copyOf(json.readValue(row.getString("nodes"), NODES)));
    }
}
