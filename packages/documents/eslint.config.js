import { base } from "@fundguard/eslint-config/base"

export default base()
