# Passerelle's API and worker image: built with `docker build -t passerelle .`
# (see README "Container image"). Three stages: the build compiles TypeScript with every
# dependency; the runtime gets the compiled code and the production dependencies only, and runs
# as the unprivileged `node` user. `npm run image:check` runs these stages on a machine without
# Docker (same commands, same files) and starts the result.
# Node 20: the version the project supports (package.json engines), on Debian 12 like the CI.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install script is needed to compile (the embedded PostgreSQL's is for npm start and tests).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY migrations migrations
COPY seeds seeds
COPY scripts scripts
COPY sdk/src/generated sdk/src/generated
RUN npm run build

FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only; the embedded PostgreSQL (optional: loaded only without
# DATABASE_URL) is left out, the container always names its database.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=dependencies /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
USER node
EXPOSE 4000
# The API (migrates as DATABASE_OWNER_URL first); the worker is the same image with
# `node dist/src/jobs/run-worker.js`; operators' scripts: `node dist/scripts/retention.js`.
CMD ["node", "dist/src/main.js"]
