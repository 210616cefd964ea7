using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.Sqlite
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
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadTimeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SafetyDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevenueMethod = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RevenueExpected = table.Column<double>(type: "REAL", nullable: true),
                    RevenueLow = table.Column<double>(type: "REAL", nullable: true),
                    RevenueHigh = table.Column<double>(type: "REAL", nullable: true),
                    RevenueWape = table.Column<double>(type: "REAL", nullable: true),
                    ProductsForecast = table.Column<int>(type: "INTEGER", nullable: false)
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
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Average30 = table.Column<double>(type: "REAL", nullable: false),
                    Average90 = table.Column<double>(type: "REAL", nullable: false),
                    FirstSale = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastSale = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DaysOfCover = table.Column<double>(type: "REAL", nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Wape = table.Column<double>(type: "REAL", nullable: true),
                    Next7 = table.Column<double>(type: "REAL", nullable: true),
                    Next30 = table.Column<double>(type: "REAL", nullable: true),
                    StockOutDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SuggestedReorder = table.Column<int>(type: "INTEGER", nullable: true),
                    Advice = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
