// A dedicated worker: fetch from the host off the list and post what came back.
const off = new URL(self.location.href).searchParams.get("off");
fetch(off + "/from-worker").then((r) => r.text()).then(
  (t) => postMessage(t.startsWith("escaped") ? t : "blocked"), () => postMessage("blocked"));
