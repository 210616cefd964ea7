using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Forecasts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CompanyForecasts",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadTimeDays = table.Column<int>(type: "integer", nullable: false),
                    SafetyDays = table.Column<int>(type: "integer", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: true),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevenueMethod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RevenueExpected = table.Column<double>(type: "double precision", nullable: true),
                    RevenueLow = table.Column<double>(type: "double precision", nullable: true),
                    RevenueHigh = table.Column<double>(type: "double precision", nullable: true),
                    RevenueWape = table.Column<double>(type: "double precision", nullable: true),
                    ProductsForecast = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyForecasts", x => x.TenantId);
                    table.ForeignKey(
                        name: "FK_CompanyForecasts_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductInsights",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Average30 = table.Column<double>(type: "double precision", nullable: false),
                    Average90 = table.Column<double>(type: "double precision", nullable: false),
                    FirstSale = table.Column<DateOnly>(type: "date", nullable: true),
                    LastSale = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DaysOfCover = table.Column<double>(type: "double precision", nullable: true),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Wape = table.Column<double>(type: "double precision", nullable: true),
                    Next7 = table.Column<double>(type: "double precision", nullable: true),
                    Next30 = table.Column<double>(type: "double precision", nullable: true),
                    StockOutDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SuggestedReorder = table.Column<int>(type: "integer", nullable: true),
                    Advice = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductInsights", x => new { x.TenantId, x.ProductId });
                    table.ForeignKey(
                        name: "FK_ProductInsights_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProductInsights_ProductId",
                table: "ProductInsights",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductInsights_TenantId_Status",
                table: "ProductInsights",
                columns: new[] { "TenantId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompanyForecasts");

            migrationBuilder.DropTable(
                name: "ProductInsights");
        }
    }
}
