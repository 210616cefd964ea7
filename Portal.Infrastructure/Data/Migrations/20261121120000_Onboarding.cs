using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Infrastructure.Data.Migrations;

/// <summary>Products, sales, onboarding sessions, import jobs and in-app notifications (hand-written, see <see cref="Initial"/>).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261121120000_Onboarding")]
public sealed class Onboarding : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Products",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                SiteId = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 50, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Category = table.Column<string>(maxLength: 100, nullable: true),
                UnitPrice = table.Column<long>(nullable: false),
                CostPrice = table.Column<long>(nullable: true),
                CurrentStock = table.Column<int>(nullable: false),
                ReorderPoint = table.Column<int>(nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Products", x => x.Id);
                table.ForeignKey("FK_Products_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Products_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.NoAction);
            });

        migrationBuilder.CreateTable(
            name: "Sales",
            columns: table => new
            {
                Id = Initial.Identity(table.Column<long>(nullable: false)),
                TenantId = table.Column<Guid>(nullable: false),
                SiteId = table.Column<Guid>(nullable: false),
                ProductId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Quantity = table.Column<int>(nullable: false),
                UnitPrice = table.Column<long>(nullable: false),
                TotalAmount = table.Column<long>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Sales", x => x.Id));

        migrationBuilder.CreateTable(
            name: "OnboardingSessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CurrentStep = table.Column<int>(nullable: false),
                Data = table.Column<string>(nullable: false),
                CreatedById = table.Column<Guid>(nullable: false),
                CreatedByName = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
                Error = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OnboardingSessions", x => x.Id);
                table.ForeignKey("FK_OnboardingSessions_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ImportJobs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                SessionId = table.Column<Guid>(nullable: false),
                DryRun = table.Column<bool>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                FileSize = table.Column<long>(nullable: false),
                StoredFile = table.Column<string>(maxLength: 300, nullable: false),
                RequestedById = table.Column<Guid>(nullable: false),
                RequestedByName = table.Column<string>(maxLength: 256, nullable: false),
                Phase = table.Column<string>(maxLength: 20, nullable: false),
                ProgressPercent = table.Column<int>(nullable: false),
                RowsDone = table.Column<long>(nullable: false),
                Stats = table.Column<string>(nullable: true),
                ErrorDetails = table.Column<string>(nullable: true),
                ErrorCount = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImportJobs", x => x.Id);
                table.ForeignKey("FK_ImportJobs_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ImportJobs_OnboardingSessions_SessionId", x => x.SessionId, "OnboardingSessions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(maxLength: 1000, nullable: false),
                Link = table.Column<string>(maxLength: 300, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
                table.ForeignKey("FK_Notifications_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Products_TenantId_Code", "Products", ["TenantId", "Code"], unique: true);
        migrationBuilder.CreateIndex("IX_Products_SiteId", "Products", "SiteId");
        migrationBuilder.CreateIndex("IX_Sales_TenantId_Date", "Sales", ["TenantId", "Date"]);
        migrationBuilder.CreateIndex("IX_Sales_TenantId_ProductId", "Sales", ["TenantId", "ProductId"]);
        migrationBuilder.CreateIndex("IX_OnboardingSessions_TenantId_Status", "OnboardingSessions", ["TenantId", "Status"]);
        migrationBuilder.CreateIndex("IX_OnboardingSessions_Status_CreatedAt", "OnboardingSessions", ["Status", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_ImportJobs_TenantId_Status", "ImportJobs", ["TenantId", "Status"]);
        migrationBuilder.CreateIndex("IX_ImportJobs_SessionId", "ImportJobs", "SessionId");
        migrationBuilder.CreateIndex("IX_Notifications_UserId_CreatedAt", "Notifications", ["UserId", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Notifications", "ImportJobs", "OnboardingSessions", "Sales", "Products" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
