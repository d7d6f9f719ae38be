import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "18" } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Workbook content must never reach the DOM as HTML.
      "react/no-danger": "error",
      "no-restricted-properties": [
        "error",
        {
          property: "innerHTML",
          message: "Non usare innerHTML: il contenuto della cartella va reso come testo.",
        },
        { property: "outerHTML", message: "Non usare outerHTML." },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The layers (src/domain/README.md): the domain knows no host, shell, UI or file library; the
  // application service knows the domain and the Host interface, never a host or a shell.
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["exceljs", "jszip", "react", "react-dom", "@fluentui/*", "@microsoft/office-js"],
              message: "Il dominio non usa librerie di host o di interfaccia.",
            },
            {
              group: ["**/app/*", "**/hosts/*", "**/hosts/**", "**/cli/*", "**/taskpane/**", "**/commands/*"],
              message: "Il dominio non dipende da app, host o shell.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["exceljs", "jszip", "react", "react-dom", "@fluentui/*", "@microsoft/office-js"],
              message: "Il servizio non usa librerie di host o di interfaccia.",
            },
            {
              group: ["**/hosts/**", "**/cli/*", "**/taskpane/**", "**/commands/*"],
              message: "Il servizio conosce solo il dominio e l'interfaccia Host.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
