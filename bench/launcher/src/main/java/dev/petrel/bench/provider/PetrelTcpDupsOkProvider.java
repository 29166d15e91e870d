package dev.petrel.bench.provider;

import jakarta.jms.Session;

/**
 * PETREL-TCP-DUPSOK: the same broker and clients as {@link PetrelTcpProvider}, with consumers in
 * DUPS_OK_ACKNOWLEDGE mode: up to 32 acknowledgements stay in flight, so a consumer does not wait for
 * the disk per message (after a broker failure more than the last consumed message may come back,
 * as with the peers' asynchronous acknowledgements). Sends are as durable as in every other column.
 */
final class PetrelTcpDupsOkProvider extends PetrelTcpProvider {

    @Override
    public int acknowledgeMode() {
        return Session.DUPS_OK_ACKNOWLEDGE;
    }
}
