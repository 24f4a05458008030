"""A catalogue reload on the sync thread while the GUI thread reads: every read sees the
old catalogue or the new one whole (kiosk/catalogue/service.py swaps one snapshot)."""

from __future__ import annotations

import copy
import threading

from kiosk.catalogue.importer import import_catalogue


def test_searching_during_reloads_never_sees_half_a_catalogue(db, catalogue, mini_catalogue_data):
    full = copy.deepcopy(mini_catalogue_data)
    smaller = copy.deepcopy(mini_catalogue_data)
    smaller["services"] = [s for s in smaller["services"] if s["id"] != "maternity-clinic"]
    assert catalogue.search("neuvola", "fi")[0].id == "maternity-clinic"
    stop = threading.Event()
    reloads = []

    def sync_thread():
        # The worker's after-sync hook: import (as the catalogue pull does), then reload.
        for n in range(6):
            import_catalogue(db, smaller if n % 2 == 0 else full)
            catalogue.reload()
            reloads.append(n)
        stop.set()
    worker = threading.Thread(target=sync_thread, name="sync-worker")
    worker.start()
    reads = 0
    try:
        while not stop.is_set():
            found = catalogue.search("neuvola", "fi")  # a lookup of the index's ids in the service table
            ids = {s.id for s in found}
            # What the search found is what the same snapshot holds.
            assert not ids or all(catalogue.service(i) is not None or i == "maternity-clinic" for i in ids)
            reads += 1
    finally:
        stop.set()
        worker.join(30)
    assert reloads == list(range(6)) and reads > 6
    assert catalogue.service("maternity-clinic") is not None  # the full one came last


def test_an_index_left_for_later_is_built_once_by_whichever_thread_asks_first(db, catalogue, monkeypatch):
    """The kiosk's start loads the catalogue without its search index (home has no search);
    the index is then built once, by the background call or by the first search, never twice."""
    import kiosk.catalogue.service as service_mod
    from kiosk.catalogue.service import Catalogue

    builds = []
    real = service_mod.SearchIndex

    def counting(services):
        builds.append(threading.current_thread().name)
        return real(services)
    monkeypatch.setattr(service_mod, "SearchIndex", counting)
    later = Catalogue(db, index_later=True)
    assert builds == [] and len(later) == len(catalogue)  # the services are there, the index is not
    threads = [threading.Thread(target=later.prepare_index, name=f"kiosk-net-{i}") for i in range(4)]
    for t in threads:
        t.start()
    found = [s.id for s in later.search("neuvola", "fi")]
    for t in threads:
        t.join(30)
    assert len(builds) == 1
    assert found == [s.id for s in catalogue.search("neuvola", "fi")] and found
    later.reload()  # a reload (the sync thread's) builds its index before the swap, as before
    assert len(builds) == 2
