# Multi-stage build: SDK to publish, ASP.NET runtime to run. (No Docker engine on our dev machines: untested here.)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish Portal.Web/Portal.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Fonts: PDFsharp reads DejaVu Sans (Liberation Sans as fallback) from disk, see Dashboard/Documents/PdfFonts.cs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core fonts-liberation curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /app/data && chown -R app:app /app/data
USER app
# Production refuses to start without the certificate that encrypts the data-protection keys: mount it and set
# Portal__DataProtection__CertificatePath and Portal__DataProtection__CertificatePassword (see README, Configuration).
ENV ASPNETCORE_URLS=http://+:8080 \
    Database__SqlitePath=/app/data/portal.db
VOLUME ["/app/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "Portal.Web.dll"]
