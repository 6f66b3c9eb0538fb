"""A unit test of the training helpers: `patch` here is unittest.mock's, not an image patch."""
import unittest
from unittest.mock import patch

import torch


class TestSeed(unittest.TestCase):
    @patch("torch.manual_seed")
    def test_seed_is_set(self, manual_seed):
        torch.manual_seed(0)
        manual_seed.assert_called_once_with(0)

    def test_state_dict_round_trip(self):
        model = torch.nn.Linear(2, 2)
        sd = model.state_dict()
        with patch("torch.save") as save:
            torch.save(sd, "model.pt")
            save.assert_called_once()


if __name__ == "__main__":
    unittest.main()
