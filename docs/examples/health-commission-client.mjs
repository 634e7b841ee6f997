#!/usr/bin/env node
// A health commission's system answering the bureau's transfers through the FundGuard department API.
// No dependency but Node 20 (fetch). Run:
//
//   FUNDGUARD_URL=http://localhost:3000 FUNDGUARD_KEY=fgd_… node docs/examples/health-commission-client.mjs
//
// For each transfer addressed to the commission: sign the receipt (回执) if it is not signed; ask for what
// is missing if the letter lacks a test report (only after signing: a transfer is never refused for
// incomplete materials); otherwise post the result. Prints what it did, one line per step.
const base = process.env.FUNDGUARD_URL ?? "http://localhost:3000"
const key = process.env.FUNDGUARD_KEY
if (!key) {
  console.error("FUNDGUARD_KEY is not set: ask the bureau's administrator for the commission's API key")
  process.exit(2)
}

const call = async (method, path, body) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined
  })
  const text = await response.text()
  const json = text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : null
  // Problems are RFC 9457: `detail` says what is wrong, `errors` names the fields.
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${json?.detail ?? text}`)
  return json
}

const step = async (transfer, body) => {
  const answer = await call("POST", `/api/v1/inbox/transfers/${transfer.id}/steps`, {
    revision: transfer.revision,
    step: body
  })
  console.log(`${transfer.number ?? transfer.id}: ${body._tag} → ${answer.status}`)
  return call("GET", `/api/v1/inbox/transfers/${transfer.id}`)
}

const { items } = await call("GET", "/api/v1/inbox/transfers?direction=outgoing")
for (const summary of items) {
  let transfer = await call("GET", `/api/v1/inbox/transfers/${summary.id}`)
  const can = (kind) => transfer.nextSteps.some((s) => s.kind === kind)
  if (can("receive")) transfer = await step(transfer, { _tag: "receive", signedBy: "县卫健委 业务系统" })
  const hasTestReport = transfer.materials.some((m) => m.kind === "test_report")
  if (can("request_supplement") && !hasTestReport && !transfer.events.some((e) => e.kind === "request_supplement"))
    transfer = await step(transfer, { _tag: "request_supplement", missing: ["检验报告或者鉴定结论"] })
  else if (can("result"))
    transfer = await step(transfer, {
      _tag: "result",
      outcome: "disciplined",
      summary: "对涉事医师给予警告，责令科室整改"
    })
  else console.log(`${transfer.number ?? transfer.id}: ${transfer.statusLabel}`)
}
