import { svelteConfig } from "@fundguard/eslint-config/svelte"

export default svelteConfig()
