using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DailyProductSales_TenantId_Day",
                table: "DailyProductSales");

            migrationBuilder.CreateIndex(
                name: "IX_DailyProductSales_TenantId_Day_ProductId_Units_Revenue",
                table: "DailyProductSales",
                columns: new[] { "TenantId", "Day", "ProductId", "Units", "Revenue" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DailyProductSales_TenantId_Day_ProductId_Units_Revenue",
                table: "DailyProductSales");

            migrationBuilder.CreateIndex(
                name: "IX_DailyProductSales_TenantId_Day",
                table: "DailyProductSales",
                columns: new[] { "TenantId", "Day" });
        }
    }
}
