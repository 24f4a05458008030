// A shared worker: the same, answering every page that connects.
const off = new URL(self.location.href).searchParams.get("off");
onconnect = (event) => {
  const port = event.ports[0];
  fetch(off + "/from-shared-worker").then((r) => r.text()).then(
    (t) => port.postMessage(t.startsWith("escaped") ? t : "blocked"), () => port.postMessage("blocked"));
};
