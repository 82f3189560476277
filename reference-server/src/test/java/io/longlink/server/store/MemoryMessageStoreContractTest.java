package io.longlink.server.store;

/** The contract of {@link MessageStore} on the store of one process, as ServerParts builds it. */
class MemoryMessageStoreContractTest extends MessageStoreContract {

  @Override
  protected MessageStore newStore(StoreBounds bounds) {
    return new MemoryMessageStore(new MemoryInboxStore(), new MemoryDedupStore(bounds.dedupWindowMs()),
        new MemoryRoomStore(), MemorySequence.ascending(), bounds);
  }
}
