using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZoomPortal.src.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JoinAttemptsOutcomeStartedAtIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_JoinAttempts_Outcome_StartedAt",
                table: "JoinAttempts",
                columns: new[] { "Outcome", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JoinAttempts_Outcome_StartedAt",
                table: "JoinAttempts");
        }
    }
}
