"""Parameter-efficient fine-tuning of a causal language model with LoRA (Hugging Face PEFT)."""
import torch
from datasets import load_dataset
from peft import LoraConfig, TaskType, get_peft_model
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    DataCollatorForLanguageModeling,
    Trainer,
    TrainingArguments,
)

model_name = "gpt2"
max_length = 512

tokenizer = AutoTokenizer.from_pretrained(model_name)
tokenizer.pad_token = tokenizer.eos_token
model = AutoModelForCausalLM.from_pretrained(model_name, torch_dtype=torch.bfloat16)

lora_config = LoraConfig(
    task_type=TaskType.CAUSAL_LM,
    r=8,
    lora_alpha=16,
    lora_dropout=0.05,
    target_modules=["c_attn", "c_proj"],
    bias="none",
)
model = get_peft_model(model, lora_config)
model.print_trainable_parameters()  # only the low-rank A and B matrices are trained


def tokenize(batch):
    return tokenizer(batch["text"], truncation=True, max_length=max_length)


dataset = load_dataset("wikitext", "wikitext-2-raw-v1", split="train")
dataset = dataset.map(tokenize, batched=True, remove_columns=["text"])

args = TrainingArguments(
    output_dir="lora-gpt2",
    num_train_epochs=3,
    per_device_train_batch_size=8,
    gradient_accumulation_steps=4,
    learning_rate=2e-4,
    warmup_steps=100,
    lr_scheduler_type="cosine",
    weight_decay=0.0,
    max_grad_norm=1.0,
    logging_steps=20,
    bf16=True,
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=dataset,
    data_collator=DataCollatorForLanguageModeling(tokenizer, mlm=False),
)
trainer.train()
model.save_pretrained("lora-gpt2/adapter")
