package dev.petrel.broker.xa;

import com.arjuna.ats.arjuna.common.CoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.transaction.TransactionManager;

import java.nio.file.Path;

/** Narayana's transaction manager for the tests, its object store under {@code target/}. */
final class Narayana {
    private Narayana() {
    }

    static synchronized TransactionManager transactionManager() throws Exception {
        String dir = Path.of("target", "narayana-object-store").toAbsolutePath().toString();
        BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class).setObjectStoreDir(dir);
        BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "communicationStore").setObjectStoreDir(dir);
        BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "stateStore").setObjectStoreDir(dir);
        BeanPopulator.getDefaultInstance(CoreEnvironmentBean.class).setNodeIdentifier("petrel-xa-test");
        return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }
}
