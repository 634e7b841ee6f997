/**
 * `data-testid` for SVAR controls. The SVAR components do not pass unknown attributes through to
 * their `<input>`/`<select>`/`<button>`, so a wrapper element carries this attachment and puts the
 * test id on the control inside it:
 *
 *     <div {@attach testId("login-username")}><Text bind:value={username} /></div>
 *
 * For checkboxes the id goes on the `<label>` (the SVAR input is zero-sized; Playwright's
 * `check()`/`click()` on the label act on its control).
 */
import type { Attachment } from "svelte/attachments"

export const controlSelector = "input, select, textarea, button"

export const testId =
  (id: string, selector: string = controlSelector): Attachment<HTMLElement> =>
  (node) => {
    const target = node.querySelector(selector) ?? node
    target.setAttribute("data-testid", id)
    return () => target.removeAttribute("data-testid")
  }

/** Test id on a SVAR `Checkbox`'s label. */
export const checkboxTestId = (id: string): Attachment<HTMLElement> => testId(id, "label")
