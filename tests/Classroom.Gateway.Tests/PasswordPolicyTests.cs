using Classroom.Contracts.Errors;
using Classroom.Gateway.Accounts;

namespace Classroom.Gateway.Tests;

/// <summary>The password policy on its own: the shipped list and the user-name rule.</summary>
public sealed class PasswordPolicyTests
{
    private static readonly PasswordPolicy Policy = new();

    [Theory]
    [InlineData("password")]
    [InlineData("12345678")]
    [InlineData("PassWord1")]
    [InlineData("qwerty123")]
    [InlineData("woaini1314")]
    [InlineData("1qaz2wsx")]
    [InlineData("88888888")]
    public void A_common_password_is_refused_whatever_its_case(string password) =>
        Assert.Equal(Refusals.AccountPasswordCommon, Assert.Throws<ClassroomValidationException>(() => Policy.Check("zhang.wei", password)).Code);

    [Theory]
    [InlineData("zhang.wei2024")]
    [InlineData("ZHANG.WEI")]
    [InlineData("iew.gnahz")]
    [InlineData("Iew.Gnahz99")]
    [InlineData("2012zhang.wei")]
    public void A_password_made_from_the_user_name_is_refused(string password) =>
        Assert.Equal(Refusals.AccountPasswordLikeName, Assert.Throws<ClassroomValidationException>(() => Policy.Check("zhang.wei", password)).Code);

    [Theory]
    [InlineData("")]
    [InlineData("Ab3$xyz")]
    public void A_password_shorter_than_eight_characters_is_refused(string password) =>
        Assert.Equal(Refusals.AccountPasswordLength, Assert.Throws<ClassroomValidationException>(() => Policy.Check("zhang.wei", password)).Code);

    [Theory]
    [InlineData("teacher", "teacher-demo")]
    [InlineData("student1", "student-demo")]
    [InlineData("operator", "operator-demo")]
    [InlineData("zhang.wei", "correct horse")]
    [InlineData("li.ming", "li.ming loves maths")]
    public void The_demo_passwords_and_uncommon_ones_are_accepted(string userId, string password) => Policy.Check(userId, password);

    [Fact]
    public void The_shipped_list_has_thousands_of_passwords() => Assert.InRange(Policy.CommonCount, 3000, 20_000);
}
