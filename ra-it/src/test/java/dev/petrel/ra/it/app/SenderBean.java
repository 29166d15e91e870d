package dev.petrel.ra.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Sends through the resource adapter's pooled factory in a container transaction (REQUIRED). */
@Stateless
public class SenderBean {

    public static final String CF = "java:/jms/petrel/cf";

    @Resource(lookup = CF)
    private ConnectionFactory factory;

    /** The H2 XA datasource the test application deploys ({@code WEB-INF/petrel-it-xa-ds.xml}). */
    public static final String XA_DS = "java:jboss/datasources/PetrelItXADS";

    @Resource(lookup = XA_DS)
    private DataSource dataSource;

    @Resource
    private SessionContext context;

    public void send(String queue, String text, boolean rollback) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
        }
        if (rollback) {
            context.setRollbackOnly();
        }
    }

    /** As {@link #send}, through a {@code JMSContext} of the adapter's factory. */
    public void sendWithContext(String queue, String text, boolean rollback) {
        try (jakarta.jms.JMSContext jms = factory.createContext()) {
            jms.createProducer().send(jms.createQueue(queue), text);
        }
        if (rollback) {
            context.setRollbackOnly();
        }
    }

    /** Inserts a row through the XA datasource and sends a message, in one container transaction. */
    public void sendWithRow(String queue, String text, boolean rollback) throws JMSException, SQLException {
        try (java.sql.Connection db = dataSource.getConnection();
                PreparedStatement insert = db.prepareStatement("INSERT INTO PETREL_IT(TEXT) VALUES (?)")) {
            insert.setString(1, text);
            insert.executeUpdate();
        }
        send(queue, text, rollback);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void createTable() throws SQLException {
        try (java.sql.Connection db = dataSource.getConnection()) {
            db.createStatement().execute("CREATE TABLE IF NOT EXISTS PETREL_IT(TEXT VARCHAR(200))");
        }
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int countRows(String text) throws SQLException {
        try (java.sql.Connection db = dataSource.getConnection();
                PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM PETREL_IT WHERE TEXT = ?")) {
            count.setString(1, text);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
