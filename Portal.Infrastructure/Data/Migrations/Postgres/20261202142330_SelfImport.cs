using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SelfImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "SessionId",
                table: "ImportJobs",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            // Runs written before self-service imports are the wizard's: they never imported duplicates, and their mode is
            // Onboarding. New rows always carry both values, so the columns keep no default (as the model says).
            migrationBuilder.AddColumn<bool>(
                name: "IncludeDuplicates",
                table: "ImportJobs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<bool>(
                name: "IncludeDuplicates",
                table: "ImportJobs",
                type: "boolean",
                nullable: false,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldDefaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Mode",
                table: "ImportJobs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Onboarding");

            migrationBuilder.AlterColumn<string>(
                name: "Mode",
                table: "ImportJobs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldDefaultValue: "Onboarding");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IncludeDuplicates",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "Mode",
                table: "ImportJobs");

            migrationBuilder.AlterColumn<Guid>(
                name: "SessionId",
                table: "ImportJobs",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
