# jixiao worker image: the same code as the CLI, started as a BullMQ worker.
FROM node:20-bookworm
WORKDIR /app
COPY package.json package-lock.json .npmrc tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY dict ./dict
COPY bin ./bin
COPY workers ./workers
COPY scripts/build-bundle.js ./scripts/
RUN npm ci && npm prune --omit=dev
ENV NODE_ENV=production
CMD ["node", "workers/ingest-worker.js"]
