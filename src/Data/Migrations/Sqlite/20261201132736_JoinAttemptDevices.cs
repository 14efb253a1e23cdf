using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZoomPortal.src.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JoinAttemptDevices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Devices",
                table: "JoinAttempts",
                type: "TEXT",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Devices",
                table: "JoinAttempts");
        }
    }
}
