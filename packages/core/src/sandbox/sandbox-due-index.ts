/** A pending charge in the due index: when it settles, and its place in creation order. */
export interface DueItem {
  at: number;
  sequence: number;
  reference: string;
}

/**
 * The ledger's index of pending charges by the time they settle by themselves (and of
 * recurrences by the time they charge next): a binary min-heap, ties broken by creation
 * order, so taking what is due costs O(k log n) for the k charges taken, whatever the size
 * of the books.
 */
export function createDueIndex() {
  const heap: DueItem[] = [];
  const before = (a: DueItem, b: DueItem) => a.at < b.at || (a.at === b.at && a.sequence < b.sequence);

  function push(item: DueItem): void {
    heap.push(item);
    let at = heap.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!before(heap[at] as DueItem, heap[parent] as DueItem)) break;
      [heap[at], heap[parent]] = [heap[parent] as DueItem, heap[at] as DueItem];
      at = parent;
    }
  }

  function pop(): DueItem {
    const top = heap[0] as DueItem;
    const last = heap.pop() as DueItem;
    if (heap.length > 0) {
      heap[0] = last;
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let smallest = at;
        if (left < heap.length && before(heap[left] as DueItem, heap[smallest] as DueItem)) smallest = left;
        if (right < heap.length && before(heap[right] as DueItem, heap[smallest] as DueItem))
          smallest = right;
        if (smallest === at) break;
        [heap[at], heap[smallest]] = [heap[smallest] as DueItem, heap[at] as DueItem];
        at = smallest;
      }
    }
    return top;
  }

  return {
    push,
    /** The earliest item, left in place; undefined when the index is empty. */
    peek: (): DueItem | undefined => heap[0],
    /** Removes the earliest item (the one `peek` shows), when there is one. */
    drop(): void {
      if (heap.length > 0) pop();
    },
    /** Removes and returns every item due at or before `nowMs`. */
    popUpTo(nowMs: number): DueItem[] {
      const items: DueItem[] = [];
      while (heap.length > 0 && (heap[0] as DueItem).at <= nowMs) items.push(pop());
      return items;
    },
  };
}
