import { defineConfig } from "prisma/config";

// Used by the Prisma CLI only (generate; migrate where its engine is available). The app connects
// through @prisma/adapter-pg in lib/db.ts, and scripts/launch.ts applies migrations itself.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
