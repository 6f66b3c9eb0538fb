"""A small but complete PyTorch training loop: AdamW, linear warmup + cosine decay,
gradient clipping, mixed precision and a validation pass each epoch."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

num_epochs = 10
batch_size = 64
lr = 3e-4
weight_decay = 0.01
warmup_steps = 500
max_grad_norm = 1.0
label_smoothing = 0.1


class MLP(nn.Module):
    def __init__(self, in_dim: int = 784, hidden: int = 512, num_classes: int = 10, dropout: float = 0.1):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(in_dim, hidden),
            nn.LayerNorm(hidden),
            nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, num_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def lr_lambda(step: int, total_steps: int) -> float:
    """Linear warmup for warmup_steps, then cosine decay to zero."""
    if step < warmup_steps:
        return step / max(1, warmup_steps)
    progress = (step - warmup_steps) / max(1, total_steps - warmup_steps)
    return 0.5 * (1.0 + math.cos(math.pi * progress))


def main() -> None:
    device = "cuda" if torch.cuda.is_available() else "cpu"
    x = torch.randn(10_000, 784)
    y = torch.randint(0, 10, (10_000,))
    train_ds = TensorDataset(x[:9000], y[:9000])
    val_ds = TensorDataset(x[9000:], y[9000:])
    train_loader = DataLoader(train_ds, batch_size=batch_size, shuffle=True, drop_last=True)
    val_loader = DataLoader(val_ds, batch_size=batch_size)

    model = MLP().to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay, betas=(0.9, 0.999))
    total_steps = num_epochs * len(train_loader)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: lr_lambda(s, total_steps))
    criterion = nn.CrossEntropyLoss(label_smoothing=label_smoothing)
    scaler = torch.cuda.amp.GradScaler(enabled=device == "cuda")

    for epoch in range(num_epochs):
        model.train()
        for step, (inputs, targets) in enumerate(train_loader):
            inputs, targets = inputs.to(device), targets.to(device)
            optimizer.zero_grad(set_to_none=True)
            with torch.autocast(device_type=device, enabled=device == "cuda"):
                logits = model(inputs)
                loss = criterion(logits, targets)
            scaler.scale(loss).backward()
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
            scaler.step(optimizer)
            scaler.update()
            scheduler.step()
            if step % 50 == 0:
                print(f"epoch {epoch} step {step} loss {loss.item():.4f} lr {scheduler.get_last_lr()[0]:.2e}")

        model.eval()
        correct = total = 0
        val_loss = 0.0
        with torch.no_grad():
            for inputs, targets in val_loader:
                inputs, targets = inputs.to(device), targets.to(device)
                logits = model(inputs)
                val_loss += F.cross_entropy(logits, targets, reduction="sum").item()
                correct += (logits.argmax(dim=-1) == targets).sum().item()
                total += targets.numel()
        print(f"epoch {epoch}: val_loss {val_loss / total:.4f} accuracy {correct / total:.3f}")

    torch.save(model.state_dict(), "mlp.pt")


if __name__ == "__main__":
    main()
