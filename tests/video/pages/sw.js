// A service worker: answers the page's same-host request with content from the host off the list.
const off = new URL(self.location.href).searchParams.get("off");
self.addEventListener("install", (e) => { self.skipWaiting(); fetch(off + "/from-service-worker-install").catch(() => {}); });
self.addEventListener("activate", (e) => { e.waitUntil(self.clients.claim()); });
self.addEventListener("fetch", (e) => {
  if (new URL(e.request.url).pathname === "/via-service-worker") {
    e.respondWith(fetch(off + "/from-service-worker").catch(() => new Response("blocked")));
  }
});
