# hookwatch: prober, exporter, reference receiver and simulator in one image.
# Multi-stage: the build stage compiles TypeScript with the dev dependencies
# (`npm run build`: the Node code and the status page's browser script);
# the runtime stage has only the compiled code and production dependencies,
# runs as the unprivileged `node` user and checks its own health (shell form,
# CMD-SHELL, which Docker and podman 4.3 both run as written).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY catalog catalog
COPY output output
COPY queries queries
COPY signing signing
COPY config config
COPY daemon daemon
COPY http http
COPY traffic traffic
COPY prober prober
COPY status status
COPY exporter exporter
COPY receiver receiver
COPY receiver-kit receiver-kit
COPY dashboards dashboards
COPY alerts alerts
COPY cli cli
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
COPY bin bin
COPY examples examples
RUN mkdir -p /var/lib/hookwatch /etc/hookwatch && chown node:node /var/lib/hookwatch
USER node
VOLUME ["/var/lib/hookwatch"]
EXPOSE 9468 9469
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:9468/-/healthy').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["node", "/app/bin/hookwatch.js"]
CMD ["up", "--no-demo", "--config", "/etc/hookwatch/hookwatch.yaml"]
