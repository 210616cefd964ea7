using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SalesIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sales_TenantId_Date",
                table: "Sales");

            migrationBuilder.DropIndex(
                name: "IX_Sales_TenantId_ProductId",
                table: "Sales");

            migrationBuilder.CreateIndex(
                name: "IX_Sales_TenantId_Date_Covering",
                table: "Sales",
                columns: new[] { "TenantId", "Date", "Id", "SiteId", "ProductId", "Quantity", "UnitPrice", "TotalAmount" });

            migrationBuilder.CreateIndex(
                name: "IX_Sales_TenantId_ProductId_Date",
                table: "Sales",
                columns: new[] { "TenantId", "ProductId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sales_TenantId_Date_Covering",
                table: "Sales");

            migrationBuilder.DropIndex(
                name: "IX_Sales_TenantId_ProductId_Date",
                table: "Sales");

            migrationBuilder.CreateIndex(
                name: "IX_Sales_TenantId_Date",
                table: "Sales",
                columns: new[] { "TenantId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Sales_TenantId_ProductId",
                table: "Sales",
                columns: new[] { "TenantId", "ProductId" });
        }
    }
}
