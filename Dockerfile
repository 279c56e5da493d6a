# Mesa: one image for the API, the worker, the portal and the migration step;
# docker-compose.yml picks the process with `command`.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# Manifests first, so the dependency layer is rebuilt only when they change.
COPY package.json package-lock.json ./
COPY web/package.json web/
# No install scripts: argon2 and Next ship prebuilt binaries, and the rest are optional
# speed-ups or the embedded PostgreSQL, which the image does not use.
RUN npm ci --ignore-scripts --no-audit --no-fund || npm install --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm run build:web && npm prune --omit=dev --ignore-scripts

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/var/lib/mesa \
    NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
# The code stays root-owned (read-only to the app); only its data and Next's cache are not.
COPY --from=build /app /app
RUN mkdir -p /var/lib/mesa /app/web/.next/cache \
    && chown node:node /var/lib/mesa /app/web/.next/cache
VOLUME /var/lib/mesa
USER node
EXPOSE 3001 3000
CMD ["node", "dist/src/main.js"]
