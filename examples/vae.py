"""A variational autoencoder on 28x28 images: Gaussian encoder, reparameterisation trick,
Bernoulli decoder, and the ELBO = reconstruction loss + beta * KL divergence."""
import torch
import torch.nn as nn
import torch.nn.functional as F

latent_dim = 16
beta = 1.0
batch_size = 128
lr = 1e-3
num_epochs = 20


class VAE(nn.Module):
    def __init__(self, in_dim: int = 784, hidden: int = 400, latent: int = latent_dim):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(in_dim, hidden), nn.ReLU())
        self.fc_mu = nn.Linear(hidden, latent)
        self.fc_logvar = nn.Linear(hidden, latent)
        self.decoder = nn.Sequential(nn.Linear(latent, hidden), nn.ReLU(), nn.Linear(hidden, in_dim))

    def encode(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = self.encoder(x)
        return self.fc_mu(h), self.fc_logvar(h)

    def reparameterize(self, mu: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
        # Reparameterisation trick: z = mu + sigma * eps keeps sampling differentiable.
        std = torch.exp(0.5 * logvar)
        eps = torch.randn_like(std)
        return mu + eps * std

    def forward(self, x: torch.Tensor):
        mu, logvar = self.encode(x.view(-1, 784))
        z = self.reparameterize(mu, logvar)
        return self.decoder(z), mu, logvar


def vae_loss(recon_logits, x, mu, logvar):
    recon = F.binary_cross_entropy_with_logits(recon_logits, x.view(-1, 784), reduction="sum")
    # Closed-form KL(q(z|x) || N(0, I)) for a diagonal Gaussian.
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return recon + beta * kl, recon, kl


def kl_between_categoricals(p_logits: torch.Tensor, q_logits: torch.Tensor) -> torch.Tensor:
    """KL(P || Q) with F.kl_div: the input must be log-probabilities of Q, the target P."""
    log_q = F.log_softmax(q_logits, dim=-1)
    p = F.softmax(p_logits, dim=-1)
    return F.kl_div(log_q, p, reduction="batchmean")


def train(model: VAE, data: torch.Tensor) -> None:
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for epoch in range(num_epochs):
        perm = torch.randperm(data.size(0))
        for i in range(0, data.size(0), batch_size):
            x = data[perm[i : i + batch_size]]
            recon_logits, mu, logvar = model(x)
            loss, recon, kl = vae_loss(recon_logits, x, mu, logvar)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print(f"epoch {epoch}: loss {loss.item() / x.size(0):.2f} (recon {recon.item():.1f}, kl {kl.item():.1f})")


if __name__ == "__main__":
    images = torch.rand(2048, 1, 28, 28)
    train(VAE(), images)
