/**
 * Files in the browser: reading an upload as base64 for the JSON API, and saving a downloaded blob
 * (an .xlsx export) under its name.
 */

/** The file's bytes as base64 (without the `data:` prefix). */
export const fileToBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""))
    reader.onerror = () => reject(reader.error ?? new Error("读取文件失败"))
    reader.readAsDataURL(file)
  })

/** Offers a blob to the user as a download named `filename`. */
export const saveBlob = (blob: Blob, filename: string): void => {
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  // Some browsers read the URL after click() returns; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
