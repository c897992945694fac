package ru.otklik.message;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import ru.otklik.support.OtklikSpringTest;

import java.io.IOException;

/** The message's tallies of its journal and breaches, which the monthly summary reads. */
@OtklikSpringTest
@DisplayName("MessageRegistry: tallies of the journal and the breaches (H2)")
class MessageTalliesTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageRegistry registry;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    @DisplayName("MSG-9, MSG-15, MSG-17, MSG-24: returns, reworks, the first intermediate answer and the breached deadlines are tallied as the entries are written")
    void talliedAsWritten() throws IOException {
        MessageTalliesCheck check = new MessageTalliesCheck(jdbc, registry, transactions);

        long id = check.tallyOneMessage();

        check.backfillAgreesWithTheRegistry(id);
    }
}
