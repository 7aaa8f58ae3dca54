using System;
using System.Net.Mail;

namespace MailSender;

public static class Program
{
    public static int Main(string[] args)
    {
        var host = args.Length > 0 ? args[0] : "localhost";
        using var client = new SmtpClient(host, 25);
        var sender = new ResilientSender(client, maxAttempts: 3);

        using var message = new MailMessage("noreply@example.com", "customer@example.com")
        {
            Subject = "Your order has shipped",
            Body = "Order 1042 left our warehouse today.",
        };

        var outcome = sender.Send(message);
        Console.WriteLine($"Delivery: {outcome}");
        return outcome == DeliveryOutcome.Delivered ? 0 : 1;
    }
}
