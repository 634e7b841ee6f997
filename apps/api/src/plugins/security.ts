/**
 * What every answer and every request body goes through before any route sees it:
 *
 * - security headers (`@fastify/helmet`): a Content-Security-Policy the admin UI runs under (its own
 *   scripts only; inline styles, which Svelte and the grid set; images from data: and blob:), no
 *   framing, `nosniff`, no referrer; no `upgrade-insecure-requests`, since bureaus often serve the
 *   UI over plain HTTP on their private network and the browser would then ask for https;
 * - JSON bodies: at most `bodyLimit` bytes and `maxJsonDepth` levels of nesting, checked on the
 *   raw text before parsing, so a body nested thousands deep is a 400, never a stack overflow;
 *   parsed with Fastify's own parser (prototype-poisoning protection included).
 */
import fastifyHelmet from "@fastify/helmet"
import type { FastifyInstance } from "fastify"
import fp from "fastify-plugin"
import { Problem } from "./errors.js"

/** The deepest nesting of objects and arrays a JSON body may have. */
export const maxJsonDepth = 32

/** Whether JSON text nests objects and arrays deeper than `max` (strings are skipped). */
export const jsonDeeperThan = (text: string, max: number): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}

/** The Content-Security-Policy of the admin UI and the API's answers. */
export const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "blob:"],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    // A case's documents are previewed for printing in a frame holding the API's HTML as a blob.
    frameSrc: ["'self'", "blob:"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"]
  }
} as const

export const securityPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(fastifyHelmet, {
      contentSecurityPolicy,
      // Private networks often serve over HTTP: HSTS would lock a browser out of the HTTP address.
      strictTransportSecurity: false,
      xFrameOptions: { action: "deny" },
      crossOriginEmbedderPolicy: false
    })
    // JSON only: a text/plain body is refused (415) rather than handed to a route as a string.
    app.removeContentTypeParser("text/plain")
    const parseJson = app.getDefaultJsonParser("error", "error")
    app.removeContentTypeParser("application/json")
    app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
      const text = body as string
      if (jsonDeeperThan(text, maxJsonDepth)) {
        done(
          new Problem("InvalidRequest", `请求内容嵌套层数超过 ${maxJsonDepth} 层`, [
            { path: "$", message: `JSON 嵌套不得超过 ${maxJsonDepth} 层` }
          ]),
          undefined
        )
        return
      }
      parseJson(request, text, done)
    })
  },
  { name: "security", dependencies: ["errors"] }
)
